import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../api/use-resource.js';
import { FailureAlert } from './form.js';

/**
 * What is shown while data loads, why it failed, or the data once it is there. While it reloads, the last data
 * stays on screen, so forms inside keep their input and their confirmation instead of flashing away.
 */
export function ResourceView<T>({
  resource,
  children,
}: {
  readonly resource: Resource<T>;
  readonly children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const last = useRef<{ data: T } | null>(null);
  if (resource.status === 'ready') last.current = { data: resource.data };
  if (resource.status === 'failed') return <FailureAlert failure={new Error(resource.detail)} />;
  if (last.current) return <>{children(last.current.data)}</>;
  return <p role="status">{t('common.loading')}</p>;
}
