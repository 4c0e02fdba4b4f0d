"use client";

import { useActionState } from "react";
import { Input } from "@/components/ui/input";
import { ResultText } from "@/components/ui/result-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { previewTemplate, TEMPLATE_KIND_LABELS, type TemplateKind } from "@/lib/whatsapp/template-preview";
import { ActionForm } from "@/components/ui/action-form";

type Setting = { kind: TemplateKind; templateName: string; language: string; configured: boolean };
type Props = { save: FormAction; settings: Setting[]; sample: { name: string; event: string; start: string; venue: string } };

/** One row per message kind: the approved template's name and language, and what the participant sees. */
export function WhatsAppTemplates({ save, settings, sample }: Props) {
  return (
    <div className="divide-y divide-slate-100">
      {settings.map((setting) => (
        <TemplateRow key={setting.kind} save={save} setting={setting} sample={sample} />
      ))}
    </div>
  );
}

function TemplateRow({ save: saveAction, setting, sample }: Omit<Props, "settings"> & { setting: Setting }) {
  const [result, save] = useActionState(saveAction, idle);
  const label = TEMPLATE_KIND_LABELS[setting.kind];
  const preview = previewTemplate(setting.kind, sample);
  const error = (field: string) => (!result.ok && "fields" in result ? result.fields?.[field]?.[0] : undefined);
  return (
    <section aria-label={`${label} template`} className="grid gap-4 py-4 first:pt-0 last:pb-0 md:grid-cols-[minmax(0,1fr)_20rem]">
      <ActionForm action={save} result={result} className="space-y-2">
        <input type="hidden" name="kind" value={setting.kind} />
        <h3 className="text-sm font-semibold text-slate-900">
          {label}{" "}
          <span className="font-normal text-slate-500">{setting.configured ? "· your template" : "· default name"}</span>
        </h3>
        <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-2">
          <label className="space-y-1">
            <span className="text-xs text-slate-600">Template name</span>
            <Input name="templateName" defaultValue={setting.configured ? setting.templateName : ""} placeholder={setting.templateName} aria-invalid={Boolean(error("templateName"))} />
          </label>
          <label className="space-y-1">
            <span className="text-xs text-slate-600">Language</span>
            <Input name="language" defaultValue={setting.language} aria-invalid={Boolean(error("language"))} />
          </label>
        </div>
        {error("templateName") || error("language") ? <p className="text-sm text-red-700">{error("templateName") ?? error("language")}</p> : null}
        <div className="flex items-center gap-3">
          <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
            Save
          </SubmitButton>
          <ResultText result={result} />
        </div>
      </ActionForm>
      <figure aria-label={`What the participant sees: ${label}`} className="rounded-2xl bg-[#e7f3ea] p-3 text-sm">
        <div className="rounded-xl bg-white px-3 py-2 text-slate-900 shadow-xs">{preview.body}</div>
        {preview.buttons.map((button) => (
          <div key={button} className="mt-1 rounded-xl bg-white px-3 py-1.5 text-center font-medium text-sky-700 shadow-xs">
            {button}
          </div>
        ))}
      </figure>
    </section>
  );
}
