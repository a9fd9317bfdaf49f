import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  title: string;
  tone: 'info' | 'error';
  testId: string;
  children?: ComponentChildren;
}

/** A full-popup message: nothing captured, an undecodable POST, an expired assertion. */
export function Notice({ title, tone, testId, children }: NoticeProps) {
  return (
    <section
      class={`notice notice-${tone}`}
      data-testid={testId}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <h1>{title}</h1>
      {children}
    </section>
  );
}
