"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;

function bestUnit(minutes: number): Unit {
  if (minutes > 0 && minutes % 1440 === 0) return "days";
  if (minutes > 0 && minutes % 60 === 0) return "hours";
  return "minutes";
}

type Props = {
  id: string;
  label: string;
  /** Before the start, or after the end. */
  relation: "before" | "after";
  description: string;
  value: number | null;
  onChange: (minutes: number | null) => void;
  defaultMinutes: number;
  error?: string;
};

/** One message of the schedule: on/off, and how long before the start (or after the end) it goes out. */
export function OffsetField({ id, label, relation, description, value, onChange, defaultMinutes, error }: Props) {
  const t = useTranslations("events.offset");
  const [unit, setUnit] = useState<Unit>(bestUnit(value ?? defaultMinutes));
  const relationText = relation === "before" ? t("beforeStart") : t("afterEnd");
  const enabled = value !== null;
  const amount = enabled ? value / UNITS[unit] : (defaultMinutes / UNITS[unit]);
  return (
    <div className="rounded-lg border border-slate-200 p-3">
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          className="mt-1 size-4 accent-brand-700"
          checked={enabled}
          onChange={(e) => onChange(e.target.checked ? defaultMinutes : null)}
          aria-describedby={`${id}-description`}
        />
        <span>
          <span className="block text-sm font-medium text-slate-900">{label}</span>
          <span id={`${id}-description`} className="block text-sm text-slate-600">
            {description}
          </span>
        </span>
      </label>
      {enabled ? (
        <div className="mt-3 flex flex-wrap items-center gap-2 pl-7">
          <Input
            id={id}
            type="number"
            min={0}
            step="any"
            className="w-24"
            value={Number.isInteger(amount) ? amount : Number(amount.toFixed(2))}
            aria-label={t("amount", { label, relation: relationText })}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(Math.round(Math.max(0, Number(e.target.value) || 0) * UNITS[unit]))}
          />
          <Select
            aria-label={t("unit", { label })}
            value={unit}
            wrapperClassName="w-32"
            onChange={(e) => setUnit(e.target.value as Unit)}
          >
            <option value="minutes">{t("minutes")}</option>
            <option value="hours">{t("hours")}</option>
            <option value="days">{t("days")}</option>
          </Select>
          <span className="text-sm text-slate-600">{relationText}</span>
          {error ? <p className="w-full text-sm text-red-700">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
