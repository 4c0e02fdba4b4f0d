/** Values a form posts without showing them, e.g. the ids its server action acts on; empty ones are left out. */
export function HiddenFields({ values }: { values: Record<string, string | null | undefined> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
    </>
  );
}
