/** An inline outcome next to a small form: green when it worked, red (announced at once) when it did not. */
export function ResultText({ result }: { result: { ok: boolean; message?: string } }) {
  if (!result.message) return null;
  return (
    <span role={result.ok ? "status" : "alert"} className={result.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
      {result.message}
    </span>
  );
}
