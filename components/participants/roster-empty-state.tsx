import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { UploadIcon, UsersIcon } from "@/components/ui/icons";

/** Explains what a roster is for before anyone is on it, and how to fill it quickly. */
export function RosterEmptyState({ importHref, canWrite }: { importHref: string; canWrite: boolean }) {
  return (
    <EmptyState
      icon={<UsersIcon />}
      title="No one on this roster yet"
      description="The roster is who takes part. Everyone on it gets an attendance for each upcoming occurrence, the WhatsApp confirmation and reminder, and a tracking link on the day."
      action={
        canWrite ? (
          <Link href={importHref} className={buttonClasses("primary")}>
            <UploadIcon /> Import from CSV
          </Link>
        ) : null
      }
    >
      {canWrite ? (
        <ul className="list-disc space-y-1 pl-5 text-slate-600">
          <li>Add people one by one with the form above.</li>
          <li>
            Or import a spreadsheet saved as CSV: one row per person with a name and a phone number. E-mail,
            “guardian of” and other columns are optional; comma- and semicolon-separated files both work.
          </li>
        </ul>
      ) : (
        <p className="text-center text-slate-600">A manager adds people here, by hand or from a CSV file.</p>
      )}
    </EmptyState>
  );
}
