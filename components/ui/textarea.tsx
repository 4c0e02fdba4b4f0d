import type { Ref, TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-20 px-3 py-2 leading-6", className)} {...props} />;
}
