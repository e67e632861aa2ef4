/** Display formatting. Dates of birth are calendar dates: format them in UTC so no zone shifts the day. */
const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const timestampFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const parseCalendarDate = (iso: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
};

export const formatCalendarDate = (iso: string): string => {
  const date = parseCalendarDate(iso);
  return date ? dateFormat.format(date) : iso;
};

export const formatTimestamp = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timestampFormat.format(date);
};

/** Whole years between a date of birth and `today` (both YYYY-MM-DD); null when either is malformed. */
export const ageInYears = (dob: string, today: string): number | null => {
  const birth = parseCalendarDate(dob);
  const now = parseCalendarDate(today);
  if (!birth || !now || birth > now) return null;
  let years = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() ||
    (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) years -= 1;
  return years;
};

/** Transcript offsets as m:ss (or h:mm:ss for long visits). */
export const formatOffset = (ms: number | null): string => {
  if (ms === null) return '';
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
};
