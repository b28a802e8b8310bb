export * from './lib/duration';
export * from './lib/office-calendar';
export * from './lib/create-office-calendar';
export type { DayEntry, HolidayYear } from './lib/kz-holidays';
export {
  BUNDLED_HOLIDAY_YEARS,
  holidayYearSchema,
  loadHolidayFile,
  mergeHolidayYears,
  statutoryHolidayYear,
} from './lib/kz-holidays';
