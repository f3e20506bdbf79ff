// A visible countdown: whole seconds left of `seconds` from `startedAt`, and `onEnd` once at the end.
import { useEffect, useState } from 'react';

export function useCountdown(startedAt: number | undefined, seconds: number, onEnd?: () => void): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (startedAt === undefined) return;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (current - startedAt >= seconds * 1000) {
        clearInterval(timer);
        onEnd?.();
      }
    };
    const timer = setInterval(tick, 250);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [startedAt, seconds, onEnd]);
  if (startedAt === undefined) return 0;
  return Math.max(0, Math.min(seconds, seconds - Math.floor((now - startedAt) / 1000)));
}
