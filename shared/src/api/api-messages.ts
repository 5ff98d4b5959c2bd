import type { MessageTable } from '../messages/message-table.js';

export const API_MESSAGES: MessageTable = {
  zh: {},
  en: {},
};
