import { Skeleton } from 'antd';
import { useQuery } from '@apollo/client/react';
import { MyTicketImageDocument } from '../../../generated/graphql.js';

/** The ticket's QR code as the API draws it (SVG), as wide as the phone allows (max 360 px), crisp when printed. */
export function TicketQr({ registrationId, code }: { registrationId: string; code: string }) {
  const r = useQuery(MyTicketImageDocument, { variables: { registrationId, format: 'SVG' }, fetchPolicy: 'cache-first' });
  const svg = r.data?.myTicketImage.data;
  if (!svg) return <Skeleton.Image active style={{ width: 240, height: 240 }} />;
  return (
    <img
      className="ticket-qr"
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      alt={code}
      data-testid="ticket-qr"
      data-code={code}
      style={{ width: '100%', maxWidth: 360, aspectRatio: '1 / 1', imageRendering: 'pixelated', display: 'block', margin: '0 auto' }}
    />
  );
}
