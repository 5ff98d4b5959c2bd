import type { MessageTable } from '../messages/message-table.js';

/** Messages for reading reporting periods (parsePeriod, periods.ts): a file apart, as messages.ts gathers every table and periods.ts formats with it. {raw} is the text as given. */
export const PERIOD_MESSAGES: MessageTable = {
  zh: {
    period_invalid: '「{raw}」不是有效的报告期：年报填写如“2025”，季报填写如“2025Q3”。',
    period_year_out_of_range: '「{raw}」的年份超出范围，应在{min}至{max}年之间。',
  },
  en: {
    period_invalid: "'{raw}' is not a valid period: write a year as 2025 or a quarter as 2025Q3.",
    period_year_out_of_range: "'{raw}': the year must be between {min} and {max}.",
  },
};
