import { useEffect, useState } from 'react';

/** Milliseconds left until `deadline`, ticking every second (null without a deadline). */
export function useCountdown(deadline: string | null | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline ? new Date(deadline).getTime() - now : null;
}
