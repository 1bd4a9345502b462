import { describe, expect, it } from 'vitest';
import { ackDeadline, advances, isOverdue, shownStatus } from './delivery-status.js';
import { sniffMediaType } from './media-type.js';

describe('acknowledgement deadlines and recipient status', () => {
  const sentAt = '2026-11-27T08:00:00.000Z';

  it('gives 48, 12 and 1 hours by default and the counterpart hours when set', () => {
    expect(ackDeadline(sentAt, 'routine')).toBe('2026-11-29T08:00:00.000Z');
    expect(ackDeadline(sentAt, 'urgent')).toBe('2026-11-27T20:00:00.000Z');
    expect(ackDeadline(sentAt, 'flash')).toBe('2026-11-27T09:00:00.000Z');
    expect(ackDeadline(sentAt, 'flash', { routine: 72, urgent: 6, flash: 3 })).toBe(
      '2026-11-27T11:00:00.000Z',
    );
  });

  it('shows overdue once the deadline passed without acknowledgement', () => {
    const due = ackDeadline(sentAt, 'flash');
    const before = new Date('2026-11-27T08:59:00Z');
    const after = new Date('2026-11-27T09:01:00Z');
    expect(shownStatus('delivered', due, before)).toBe('delivered');
    expect(shownStatus('read', due, after)).toBe('overdue');
    expect(isOverdue('acknowledged', due, after)).toBe(false);
    expect(isOverdue('rejected', due, after)).toBe(false);
  });

  it('never moves a recipient back when receipts arrive out of order', () => {
    expect(advances('sent', 'acknowledged')).toBe(true);
    expect(advances('acknowledged', 'delivered')).toBe(false);
    expect(advances('read', 'read')).toBe(false);
    expect(advances('sent', 'rejected')).toBe(true);
    expect(advances('delivered', 'rejected')).toBe(false);
  });
});

describe('attachment media type sniffing', () => {
  it('names a file by its leading bytes, not by its name', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('PK\u0003\u0004....word/document.xml', 'latin1'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(Buffer.from('Сводка за 27 ноября'))).toBe('text/plain');
    expect(sniffMediaType(Buffer.from('<?xml version="1.0"?><alert/>'))).toBe('application/xml');
    expect(sniffMediaType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBe('application/octet-stream');
  });
});
