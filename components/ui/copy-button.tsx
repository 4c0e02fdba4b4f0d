"use client";

import { useState } from "react";
import { Button } from "./button";
import { CheckIcon } from "./icons";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={async () => {
        await navigator.clipboard.writeText(value);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? <CheckIcon /> : null}
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}
