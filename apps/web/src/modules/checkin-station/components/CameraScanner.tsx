import { CameraOutlined, PictureOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeImageFile, qrDetector } from '../utils/qr-decoder.js';

/** Words a failure to start the decoder; a Content-Security-Policy without 'wasm-unsafe-eval' refuses the ZXing reader. */
function decoderProblem(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  const reason = error instanceof Error ? error.message : String(error);
  return /Content Security Policy|wasm-unsafe-eval|WebAssembly/i.test(reason) ? t('station:scan.decoderBlocked') : t('station:scan.decoderError', { reason });
}

interface CameraScannerProps {
  onCode(code: string, source: 'CAMERA' | 'IMAGE'): void;
}

/**
 * Scanning with the device camera (the back camera on phones): frames go to the BarcodeDetector (native or the
 * ZXing WebAssembly ponyfill, bundled and cached for offline use) about five times a second. A photo or a
 * screenshot of a ticket can be read too.
 */
export function CameraScanner({ onCode }: CameraScannerProps) {
  const { t } = useTranslation(['core', 'station']);
  const video = useRef<HTMLVideoElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    if (!running) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(t('station:scan.cameraUnsupported'));
        setRunning(false);
        return;
      }
      try {
        const detector = await qrDetector();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const tick = async () => {
          if (stopped || !video.current) return;
          try {
            if (video.current.readyState >= 2) {
              for (const found of await detector.detect(video.current)) if (found.rawValue) latest.current(found.rawValue, 'CAMERA');
            }
          } catch {
            // A frame that could not be read: the next one may.
          }
          timer = setTimeout(() => void tick(), 200);
        };
        void tick();
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        setProblem(
          name === 'NotAllowedError' || name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError'
            ? t('station:scan.cameraError', { reason: error instanceof Error ? error.message : String(error) })
            : decoderProblem(error, t),
        );
        setRunning(false);
      }
    };
    setProblem(null);
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [running, t]);

  const readImage = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const codes = await decodeImageFile(file);
      if (codes.length === 0) setProblem(t('station:scan.noCodeInImage'));
      for (const code of codes) latest.current(code, 'IMAGE');
    } catch (error) {
      setProblem(decoderProblem(error, t));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Button
          icon={running ? <StopOutlined /> : <CameraOutlined />}
          onClick={() => setRunning((r) => !r)}
          data-testid="station-camera"
        >
          {running ? t('station:scan.stopCamera') : t('station:scan.camera')}
        </Button>
        <Button icon={<PictureOutlined />} onClick={() => fileInput.current?.click()}>
          {t('station:scan.image')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          hidden
          data-testid="station-image-input"
          onChange={(e) => void readImage(e.target.files?.[0])}
        />
      </Flex>
      {running && <video ref={video} className="station-video" muted playsInline />}
      {problem && <Alert type="warning" showIcon title={problem} data-testid="station-camera-problem" />}
    </Flex>
  );
}
