import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";

type Props = {
  /** Left out for a card that is only its content (a table or an empty state under the page header). */
  title?: ReactNode;
  description?: ReactNode;
  /** On the right of the title: a link or a badge. Given (even as null), title and description sit together beside it. */
  aside?: ReactNode;
  className?: string;
  contentClassName?: string;
  children: ReactNode;
};

/** One titled section of a dashboard page (a table, a form, a list of settings) on its card. */
export function SectionCard({ title, description, aside, className, contentClassName, children }: Props) {
  const heading = (
    <>
      <CardTitle>{title}</CardTitle>
      {description ? <CardDescription>{description}</CardDescription> : null}
    </>
  );
  return (
    <Card className={className}>
      {title === undefined ? null : aside !== undefined ? (
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
          <div>{heading}</div>
          {aside}
        </CardHeader>
      ) : (
        <CardHeader>{heading}</CardHeader>
      )}
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
