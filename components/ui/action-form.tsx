"use client";

import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<"form">, "action" | "onReset"> & {
  action: (form: FormData) => void;
  /** The action's last result (from useActionState). */
  result: { ok: boolean };
};

/**
 * A form posting to a server action. React resets a form after every action, which puts every field back to its
 * first value; after a refused save that would throw away what the person typed and show defaults beside the error.
 * The entries are kept then, so only the fields the server named need fixing; after a success the form resets as usual.
 */
export function ActionForm({ action, result, ...props }: Props) {
  return (
    <form
      action={action}
      onReset={(event) => {
        if (!result.ok) event.preventDefault();
      }}
      {...props}
    />
  );
}
