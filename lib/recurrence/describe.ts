import { parseInput } from "@/lib/errors";
import { LocalDateTime, RecurrenceRule, sortWeekdays, type Weekday } from "./schemas";

const SHORT_DAYS: Record<Weekday, string> = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" };
const LONG_DAYS: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ORDINALS: Record<number, string> = { 1: "1st", 2: "2nd", 3: "3rd", 4: "4th", [-1]: "last" };
const WORKWEEK = "MO,TU,WE,TH,FR";

/** "Mon", "Mon and Fri", "Mon, Wed and Fri". */
function listDays(days: Weekday[]): string {
  const names = days.map((day) => SHORT_DAYS[day]);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function describeWeekly(interval: number, days: Weekday[]): string {
  const key = days.join(",");
  if (interval === 1) {
    if (key === WORKWEEK) return "Every weekday";
    if (days.length === 7) return "Every day";
    return `Every ${listDays(days)}`;
  }
  return `Every ${interval} weeks on ${key === WORKWEEK ? "weekdays" : listDays(days)}`;
}

function describeMonthly(interval: number, monthly: NonNullable<RecurrenceRule["monthly"]>): string {
  const head = interval === 1 ? "Monthly" : `Every ${interval} months`;
  if (monthly.mode === "day_of_month") return `${head} on day ${monthly.day}`;
  return `${head} on the ${ORDINALS[monthly.nth]} ${LONG_DAYS[monthly.weekday]}`;
}

/** "2027-06-30" → "30 Jun 2027", spelled out so it reads the same in every locale and host zone. */
function formatDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * Plain-English summary, e.g. "Every Mon, Wed and Fri at 07:30", "Every 2 weeks on Tue at 18:00, until 30 Jun 2027",
 * "Monthly on the 2nd Tuesday at 19:00, 10 times". The time is DTSTART's wall time in the event's zone.
 */
export function describeRule(input: RecurrenceRule, dtstartLocal: string): string {
  const rule = parseInput(RecurrenceRule, input);
  const time = parseInput(LocalDateTime, dtstartLocal).slice(11, 16);
  let text: string;
  if (rule.frequency === "daily") text = rule.interval === 1 ? "Daily" : `Every ${rule.interval} days`;
  else if (rule.frequency === "weekly") text = describeWeekly(rule.interval, sortWeekdays(rule.weekdays ?? []));
  else text = rule.monthly ? describeMonthly(rule.interval, rule.monthly) : "Monthly";
  text += ` at ${time}`;
  if (rule.end.type === "until") text += `, until ${formatDate(rule.end.date)}`;
  if (rule.end.type === "count") text += rule.end.count === 1 ? ", once" : `, ${rule.end.count} times`;
  return text;
}
