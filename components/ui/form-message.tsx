import { cn } from "@/lib/utils/cn";
import { Alert } from "./alert";

/** The part of a server action result this component reads. */
export type FormMessageResult = { ok: boolean; message?: string };

export type FormMessageProps = {
  result: FormMessageResult | null | undefined;
  className?: string;
};

/** Form-level outcome of an action: nothing until there is a message, then a success or error alert. */
export function FormMessage({ result, className }: FormMessageProps) {
  if (!result?.message) return null;
  return (
    <Alert tone={result.ok ? "success" : "danger"} className={cn(className)}>
      {result.message}
    </Alert>
  );
}
