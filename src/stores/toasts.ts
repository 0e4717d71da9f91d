import { create } from 'zustand';

export interface Toast {
  id: number;
  tone: 'success' | 'error' | 'info';
  title: string;
  description?: string;
  /**
   * Toasts about the same thing (e.g. one group's rename) replace each other, so a stale failure
   * never sits beside the success that followed it.
   */
  topic?: string;
}

interface ToastState {
  toasts: Toast[];
  push: (toast: Omit<Toast, 'id'>) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push: (toast) =>
    set((s) => {
      const others = toast.topic ? s.toasts.filter((t) => t.topic !== toast.topic) : s.toasts;
      return { toasts: [...others.slice(-4), { ...toast, id: nextId++ }] };
    }),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shorthands used by mutations: `notify.success('Group renamed')`. */
export const notify = {
  success: (title: string, description?: string, topic?: string) => useToasts.getState().push({ tone: 'success', title, description, topic }),
  error: (title: string, description?: string, topic?: string) => useToasts.getState().push({ tone: 'error', title, description, topic }),
  info: (title: string, description?: string, topic?: string) => useToasts.getState().push({ tone: 'info', title, description, topic }),
};
