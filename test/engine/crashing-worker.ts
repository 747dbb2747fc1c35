// A worker that dies on its first job, as a native crash in onnxruntime would take it down.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', () => {
  throw new Error('simulated crash in the inference worker');
});
