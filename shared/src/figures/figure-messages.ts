import type { MessageTable } from '../messages/message-table.js';

export const FIGURE_MESSAGES: MessageTable = {
  zh: {},
  en: {},
};
