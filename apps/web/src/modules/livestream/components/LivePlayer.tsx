import { VideoCameraOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type PlayerState = 'idle' | 'loading' | 'playing' | 'error';

/**
 * The broadcast's HLS stream. Safari (and iOS browsers) play HLS natively, so the video element's
 * `canPlayType` is asked first; elsewhere hls.js (loaded only when needed) feeds Media Source Extensions.
 * Starts muted (browsers block autoplay with sound); the controls unmute. The element carries
 * `data-hls-events` (manifest and fragments loaded) for the browser test.
 */
export function LivePlayer({ src, poster }: { src: string | null; poster?: string }) {
  const { t } = useTranslation(['core', 'livestream']);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlayerState>('idle');

  useEffect(() => {
    const el = video.current;
    if (!el || !src) {
      setState('idle');
      return;
    }
    setState('loading');
    let destroyed = false;
    let hls: { destroy(): void } | null = null;
    const onPlaying = () => setState('playing');
    el.addEventListener('playing', onPlaying);
    const mark = (what: string) => {
      const seen = new Set((el.dataset.hlsEvents ?? '').split(' ').filter(Boolean));
      seen.add(what);
      el.dataset.hlsEvents = [...seen].join(' ');
    };
    const play = () => void el.play().catch(() => undefined);

    if (el.canPlayType('application/vnd.apple.mpegurl')) {
      el.dataset.player = 'native';
      el.src = src;
      el.addEventListener('loadedmetadata', play, { once: true });
      el.addEventListener('error', () => setState('error'), { once: true });
    } else {
      void import('hls.js').then(({ default: Hls }) => {
        if (destroyed) return;
        if (!Hls.isSupported()) {
          setState('error');
          return;
        }
        el.dataset.player = 'hls.js';
        const h = new Hls({ lowLatencyMode: true, liveSyncDurationCount: 3 });
        hls = h;
        h.on(Hls.Events.MANIFEST_PARSED, () => {
          mark('MANIFEST_PARSED');
          play();
        });
        h.on(Hls.Events.FRAG_LOADED, () => mark('FRAG_LOADED'));
        h.on(Hls.Events.ERROR, (_e, data) => {
          if (!data.fatal) return;
          mark(`ERROR:${data.details}`);
          if (data.type === Hls.ErrorTypes.NETWORK_ERROR) h.startLoad();
          else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) h.recoverMediaError();
          else setState('error');
        });
        h.loadSource(src);
        h.attachMedia(el);
      });
    }
    return () => {
      destroyed = true;
      el.removeEventListener('playing', onPlaying);
      hls?.destroy();
      el.removeAttribute('src');
      el.load();
    };
  }, [src]);

  return (
    <div className="live-player" data-state={state}>
      <video
        ref={video}
        data-testid="live-video"
        controls
        muted
        playsInline
        autoPlay
        poster={poster}
        style={{ display: src ? 'block' : 'none' }}
      />
      {!src && (
        <div className="live-player-empty">
          <VideoCameraOutlined style={{ fontSize: 32 }} />
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('livestream:player.noStream')}</Typography.Text>
        </div>
      )}
      {src && state === 'error' && (
        <div className="live-player-empty">
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('livestream:player.error')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
