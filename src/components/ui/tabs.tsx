import { createContext, useContext, useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';

/**
 * Tabs as the WAI-ARIA pattern has them (a tablist of tabs, one tabpanel shown): Tab reaches the
 * selected tab and goes on into its panel; the arrow keys (wrapping), Home and End move between the
 * tabs and select the one they reach. Radix Tabs did the same at ~10 KB gzip (with its roving-focus
 * and collection helpers) in the composer's chunk, for two buttons.
 */

interface TabsState {
  idBase: string;
  value: string;
}

const TabsContext = createContext<TabsState | null>(null);

const tabId = (idBase: string, value: string) => `${idBase}-tab-${value}`;
const panelId = (idBase: string, value: string) => `${idBase}-panel-${value}`;

interface TabsProps<V extends string> {
  value: V;
  onValueChange: (value: V) => void;
  /** The tablist's accessible name. */
  label: string;
  tabs: ReadonlyArray<{ value: V; label: ReactNode }>;
  listClassName?: string;
  tabClassName?: string;
  /** The panels (<TabPanel>), after the tablist. */
  children: ReactNode;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function Tabs<V extends string>({ value, onValueChange, label, tabs, listClassName, tabClassName, children }: TabsProps<V>) {
  const idBase = useId();
  const list = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => tabId(idBase, t.value) === (event.target as HTMLElement).id);
    if (at < 0) return;
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else if (STEP[event.key] !== undefined) next = (at + STEP[event.key]! + tabs.length) % tabs.length;
    else return;
    event.preventDefault();
    const target = tabs[next]!;
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(idBase, target.value))}`)?.focus();
    if (target.value !== value) onValueChange(target.value);
  };

  return (
    <TabsContext.Provider value={{ idBase, value }}>
      <div ref={list} role="tablist" aria-label={label} aria-orientation="horizontal" className={listClassName} onKeyDown={move}>
        {tabs.map((tab) => {
          const selected = tab.value === value;
          return (
            <button
              key={tab.value}
              type="button"
              role="tab"
              id={tabId(idBase, tab.value)}
              aria-selected={selected}
              aria-controls={panelId(idBase, tab.value)}
              data-state={selected ? 'active' : 'inactive'}
              tabIndex={selected ? 0 : -1}
              className={tabClassName}
              onClick={() => {
                if (!selected) onValueChange(tab.value);
              }}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {children}
    </TabsContext.Provider>
  );
}

/** One tab's panel: rendered only while its tab is selected (the element stays, hidden, as the tab's aria-controls target). */
export function TabPanel({ value, className, ref, children }: { value: string; className?: string; ref?: Ref<HTMLDivElement>; children: ReactNode }) {
  const tabs = useContext(TabsContext);
  if (!tabs) throw new Error('TabPanel outside Tabs');
  const selected = tabs.value === value;
  return (
    <div
      ref={ref}
      role="tabpanel"
      id={panelId(tabs.idBase, value)}
      aria-labelledby={tabId(tabs.idBase, value)}
      data-state={selected ? 'active' : 'inactive'}
      hidden={!selected}
      tabIndex={0}
      className={className}
    >
      {selected ? children : null}
    </div>
  );
}
