import { describe, expect, it } from 'vitest';
import { isAllowedWebhookHost, isPublicAddress } from './webhook-address.ts';

const hostOf = (url: string) => new URL(url).hostname;

describe('webhook destination addresses', () => {
  it('public IPv4 and IPv6 addresses are allowed', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0', '192.0.1.255', '198.17.255.255', '198.20.0.0', '223.255.255.255']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of ['2606:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001::1', '2001:db9::1']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('loopback, private, shared, link-local, documentation, multicast and reserved IPv4 are refused', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.255.254',
      '0.0.0.0',
      '0.1.2.3',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '100.127.255.255',
      '169.254.169.254',
      '192.0.0.170',
      '192.0.2.1',
      '198.18.0.1',
      '198.19.255.255',
      '198.51.100.7',
      '203.0.113.9',
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('loopback, unspecified, unique-local, link-local, multicast and documentation IPv6 are refused', () => {
    for (const address of ['::1', '::', 'fc00::1', 'fd12:3456:789a::1', 'fe80::1', 'febf::1', 'fe80::1%eth0', 'ff02::1', '2001:db8::1', 'FE80::ABCD']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('IPv4-mapped and NAT64 forms are judged by the IPv4 address they carry', () => {
    for (const address of ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.1.2.3', '::ffff:169.254.169.254', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '64:ff9b::192.168.0.1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['::ffff:8.8.8.8', '64:ff9b::8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
  });

  it('anything that is not an IP address is not a public address', () => {
    for (const text of ['', 'localhost', 'example.com', '127.1', '0x7f000001', '999.1.1.1']) expect(isPublicAddress(text), text).toBe(false);
  });

  it('a URL host is refused when it is a localhost name or a non-public IP literal, in any spelling URL accepts', () => {
    for (const url of [
      'http://localhost/x',
      'http://LOCALHOST./x',
      'http://app.localhost:8080/',
      'http://127.0.0.1:5432',
      'http://169.254.169.254/latest',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://10.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]:8080/',
    ]) {
      expect(isAllowedWebhookHost(hostOf(url)), url).toBe(false);
    }
    for (const url of ['https://hooks.example.com/tide', 'https://8.8.8.8/x', 'http://[2606:4700::1111]/', 'https://localhost.example.com/', 'https://mylocalhost/']) {
      expect(isAllowedWebhookHost(hostOf(url)), url).toBe(true);
    }
  });
});
