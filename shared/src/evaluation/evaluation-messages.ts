import type { MessageTable } from '../messages/message-table.js';

export const EVALUATION_MESSAGES: MessageTable = {
  zh: {},
  en: {},
};
