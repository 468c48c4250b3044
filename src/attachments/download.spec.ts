import { planDownload } from './download';

const ETAG = '"abc"';

describe('planDownload', () => {
  it('answers the whole file without conditions', () => {
    expect(planDownload(100, ETAG, {})).toEqual({ status: 200 });
  });

  it('answers 304 to a current If-None-Match, before looking at ranges', () => {
    expect(planDownload(100, ETAG, { ifNoneMatch: ETAG, range: 'bytes=0-9' })).toEqual({ status: 304 });
    expect(planDownload(100, ETAG, { ifNoneMatch: '"other"' })).toEqual({ status: 200 });
  });

  it('serves one range, open-ended and suffix ranges included, clamped to the end', () => {
    expect(planDownload(100, ETAG, { range: 'bytes=10-19' })).toEqual({
      status: 206,
      range: { start: 10, end: 19 },
    });
    expect(planDownload(100, ETAG, { range: 'bytes=90-' })).toEqual({
      status: 206,
      range: { start: 90, end: 99 },
    });
    expect(planDownload(100, ETAG, { range: 'bytes=-5' })).toEqual({
      status: 206,
      range: { start: 95, end: 99 },
    });
    expect(planDownload(100, ETAG, { range: 'bytes=50-500' })).toEqual({
      status: 206,
      range: { start: 50, end: 99 },
    });
    // Overlapping ranges combine into one.
    expect(planDownload(100, ETAG, { range: 'bytes=0-9,5-19' })).toEqual({
      status: 206,
      range: { start: 0, end: 19 },
    });
  });

  it('answers 416 to a range wholly past the end', () => {
    expect(planDownload(100, ETAG, { range: 'bytes=100-' })).toEqual({ status: 416 });
    expect(planDownload(0, ETAG, { range: 'bytes=0-0' })).toEqual({ status: 416 });
  });

  it('sends the whole file for several ranges, a malformed or foreign unit, or an If-Range that changed', () => {
    expect(planDownload(100, ETAG, { range: 'bytes=0-9,50-59' })).toEqual({ status: 200 });
    expect(planDownload(100, ETAG, { range: 'bytes=x-y' })).toEqual({ status: 200 });
    expect(planDownload(100, ETAG, { range: 'items=0-9' })).toEqual({ status: 200 });
    expect(planDownload(100, ETAG, { range: 'bytes=0-9', ifRange: '"old"' })).toEqual({ status: 200 });
    expect(planDownload(100, ETAG, { range: 'bytes=0-9', ifRange: ETAG })).toEqual({
      status: 206,
      range: { start: 0, end: 9 },
    });
  });
});
