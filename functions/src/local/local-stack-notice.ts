/**
 * What the local stack is, said where it starts. Azurite keeps its last seconds of writes in
 * memory: a `kill -9` during a burst lost 123 of 204 versions it had answered 201 (issue 10).
 */
export const LOCAL_STACK_NOTICE = [
  '注意：本地环境（Azurite）仅用于开发和演示。Azurite 把最近几秒的写入留在内存中，进程被强行终止会丢失已确认的报送。正式数据存放在 Azure 存储中（见 README「部署到 Azure」）。',
  'Note: this local stack (Azurite) is for development and demos only. Azurite keeps its last seconds of writes in memory, so a killed process loses returns it had acknowledged. Production data lives in Azure Storage (README, "Deploy to Azure").',
].join('\n');
