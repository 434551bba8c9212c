import { Flex, Spin } from 'antd';
import { lazy, type ComponentType } from 'react';

/**
 * A page loaded with its own chunk the first time it is opened: a phone on the login or customer
 * list does not download the settings, pool and pipeline screens first. Pages export their
 * component by name, so the loader picks it.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy<ComponentType>(async () => ({ default: (await load())[name] }));
}

/** Shown in the page area while a page's chunk loads (the shell and its menu stay). */
export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} data-testid="page-loading">
      <Spin />
    </Flex>
  );
}
