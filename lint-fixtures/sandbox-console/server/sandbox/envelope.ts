export const envelope = (result: unknown) => ({ success: true, result });
