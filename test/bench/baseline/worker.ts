// The baseline's worker, as its own process (so its CPU and memory are measured apart from Sopu's).
import { NativeConnection, Worker } from '@temporalio/worker';
import { baselineActivities } from './activities';

async function main() {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BASELINE_TASK_QUEUE!,
    workflowsPath: require.resolve('./workflows'),
    activities: baselineActivities({ databaseUrl: process.env.DATABASE_URL!, smtpUrl: process.env.SMTP_URL! }),
  });
  console.log('baseline worker polling');
  await worker.run();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
