import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  title: string;
  tone: 'info' | 'error';
  testId: string;
  /** 1 when the notice is the whole popup, 2 inside a view that has its own h1. */
  level?: 1 | 2;
  children?: ComponentChildren;
}

/**
 * A message: nothing captured, an undecodable POST, an expired assertion. An error is an alert
 * and anything else a status, so screen readers announce it without focus moving to it.
 */
export function Notice({ title, tone, testId, level = 1, children }: NoticeProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  const section = (
    <section
      class={`notice notice-${tone}`}
      data-testid={testId}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <Heading>{title}</Heading>
      {children}
    </section>
  );
  // The whole popup: its main landmark.
  return level === 1 ? <main>{section}</main> : section;
}
