import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en-US/notifications.json';
import zh from '../../locales/zh-CN/notifications.json';
import { eventLabel, isAppPath, notificationText } from './notification.format.ts';

async function instance(lng: 'zh-CN' | 'en-US') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: { notifications: zh } }, 'en-US': { translation: { notifications: en } } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

describe('notification texts', () => {
  it('render each pool kind from its data, in both languages', async () => {
    const [cn, us] = await Promise.all([instance('zh-CN'), instance('en-US')]);
    const warning = { count: 3, poolName: '华东公海', deadline: '2030-01-03', firstTitle: '杭州云帆' };
    expect(notificationText(cn, 'pool.warning', warning)).toBe('3 条记录将于 2030-01-03 掉入公海「华东公海」');
    expect(notificationText(us, 'pool.warning', warning)).toBe('3 record(s) will fall into the pool “华东公海” on 2030-01-03');
    expect(notificationText(cn, 'pool.fell', { count: 2, poolName: '华南公海' })).toBe('2 条记录已掉入公海「华南公海」');
    expect(notificationText(cn, 'pool.collusion', { fromName: '张三', toName: '李四', records: 4 })).toContain('张三 释放的 4 条记录很快被 李四 领取');
    expect(notificationText(cn, 'pool.handover', { count: 5, fromName: '王五' })).toBe('王五 的 5 条记录已交接给你');
  });

  it('show an unknown kind, or a kind naming a group of messages, as the kind itself', async () => {
    const cn = await instance('zh-CN');
    expect(notificationText(cn, 'campaign.sent', { count: 1 })).toBe('campaign.sent');
    expect(notificationText(cn, 'pool', {})).toBe('pool');
  });

  it('keep data named like a t() option as data', async () => {
    const us = await instance('en-US');
    expect(notificationText(us, 'pool.fell', { count: 1, poolName: 'P', lng: 'zh-CN', defaultValue: 'x' })).toBe('1 record(s) fell into the pool “P”');
  });

  it('label known events and pass others through', async () => {
    const cn = await instance('zh-CN');
    expect(eventLabel(cn, '*')).toBe('全部事件（*）');
    expect(eventLabel(cn, 'pool.fell')).toBe('已掉入公海');
    expect(eventLabel(cn, 'order.paid')).toBe('order.paid');
  });

  it('follow only links inside the app', () => {
    expect(isAppPath('/pool/records')).toBe(true);
    expect(isAppPath('//evil.example')).toBe(false);
    expect(isAppPath('https://evil.example')).toBe(false);
    expect(isAppPath('/\\evil.example')).toBe(false);
    expect(isAppPath(null)).toBe(false);
  });
});
