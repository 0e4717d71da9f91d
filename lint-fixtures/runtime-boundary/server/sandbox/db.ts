// Shared sandbox code importing the Node runtime's module.
import { openFile } from '../runtime/node/files';

export const db = openFile('sandbox.db');
