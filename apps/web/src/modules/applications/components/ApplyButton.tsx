import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { useMyApplicationStates } from '../hooks/use-applications.js';
import { ApplyDialog } from './ApplyDialog.js';

export interface ApplyTarget {
  id: string;
  title: string;
  employerName: string;
}

/**
 * "投递简历" for one posting, for wherever postings are listed (a posting card, the job page, a fair's
 * page): a seeker applies with their profile as the résumé; once applied it shows where the application
 * stands. Anonymous visitors are asked to sign in; other roles see nothing. `fair` records the fair as
 * the source. Safe inside a link (a clickable card): its clicks do not follow the link.
 */
export function ApplyButton({ posting, fair, block = false }: { posting: ApplyTarget; fair?: { id: string; title?: string } | null; block?: boolean }) {
  const { t } = useTranslation(['core', 'applications']);
  const { status, user } = useAuth();
  const navigate = useNavigate();
  const seeker = user?.role === 'SEEKER';
  const { states } = useMyApplicationStates([posting.id], !seeker);
  const [open, setOpen] = useState(false);
  const state = states.find((s) => s.postingId === posting.id);

  // Keep clicks from reaching an enclosing link; the dialog (in a portal) is outside the link's DOM, so only clicks here need preventDefault.
  const contain = (e: MouseEvent<HTMLSpanElement>) => {
    e.stopPropagation();
    if (e.currentTarget.contains(e.target as Node)) e.preventDefault();
  };

  if (status === 'starting' || (user && !seeker)) return null;
  return (
    <span onClick={contain} className="apply-button" style={block ? { display: 'block' } : undefined}>
      {!user ? (
        <Button block={block} icon={<SendOutlined />} onClick={() => navigate(`/login?next=${encodeURIComponent('/seeker/applications')}`)} data-testid="apply-sign-in">
          {t('applications:apply.signIn')}
        </Button>
      ) : state ? (
        // Not a link: the button may sit inside a clickable card that is one already.
        <Tag
          color="green"
          icon={<CheckCircleOutlined />}
          data-testid="applied-tag"
          data-status={state.status}
          style={{ cursor: 'pointer' }}
          onClick={() => navigate('/seeker/applications')}
        >
          {state.status === 'SUBMITTED' ? t('applications:apply.appliedPlain') : t('applications:apply.applied', { status: t(`applications:status.${state.status}`) })}
        </Tag>
      ) : (
        <Button type="primary" block={block} icon={<SendOutlined />} onClick={() => setOpen(true)} data-testid="apply-button" data-posting={posting.id}>
          {t('applications:apply.button')}
        </Button>
      )}
      {open && <ApplyDialog posting={posting} fair={fair ?? null} onClose={() => setOpen(false)} />}
    </span>
  );
}
