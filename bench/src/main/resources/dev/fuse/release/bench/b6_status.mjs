// B6's baseline: what `fuse-release status <version>` asks Temporal, with Temporal's TypeScript
// client: connect, describe the release's workflow, query its status.
// usage: node b6_status.mjs ADDRESS NAMESPACE WORKFLOW_ID
import { Client, Connection } from '@temporalio/client';

const [address, namespace, workflowId] = process.argv.slice(2);
const connection = await Connection.connect({ address });
try {
  const handle = new Client({ connection, namespace }).workflow.getHandle(workflowId);
  const description = await handle.describe();
  const status = await handle.query('status');
  console.log(`${workflowId} ${description.status.name} ${status.phase}`);
} finally {
  await connection.close();
}
