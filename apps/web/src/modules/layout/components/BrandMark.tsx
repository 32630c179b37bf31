import { useTranslation } from 'react-i18next';

/** The 乐业临沂 logo tile and word mark. */
export function BrandMark({ inverted = false, compact = false }: { inverted?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={inverted ? 'brand-mark brand-mark-inverted' : 'brand-mark'}>
      <span className="brand-mark-tile" aria-hidden>
        乐
      </span>
      {!compact && <span className="brand-mark-name">{t('common.appName')}</span>}
    </span>
  );
}
