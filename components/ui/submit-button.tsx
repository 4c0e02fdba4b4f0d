"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import { SpinnerIcon } from "./icons";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Text shown while the form action runs, e.g. "Saving…" (defaults to the children). */
  pendingLabel?: ReactNode;
};

/** Submit button for a `<form action={…}>`: disabled with a spinner while the action runs. Must be inside the form. */
export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending ? <SpinnerIcon /> : null}
      {pending ? (pendingLabel ?? children) : children}
    </Button>
  );
}
