'use client';

import { signIn } from 'next-auth/react';
import { KeyRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

interface SsoButtonProps {
  providerId: string;
  label: string;
  pendingLabel: string;
  callbackUrl: string;
  /** Start at once (local sign-in is off and nothing went wrong before). */
  autoStart?: boolean;
  variant?: 'primary' | 'secondary';
}

export function SsoButton({ providerId, label, pendingLabel, callbackUrl, autoStart = false, variant = 'secondary' }: SsoButtonProps) {
  const [pending, setPending] = useState(autoStart);
  useEffect(() => {
    if (autoStart) void signIn(providerId, { callbackUrl });
  }, [autoStart, providerId, callbackUrl]);
  return (
    <Button
      variant={variant}
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
    >
      <KeyRound className="size-4" aria-hidden="true" />
      {pending ? pendingLabel : label}
    </Button>
  );
}
