/** 中文消息表：按问题代码查找，{参数} 由问题的 params 填入。 */
export const MESSAGES_ZH: Readonly<Record<string, string>> = {
};
