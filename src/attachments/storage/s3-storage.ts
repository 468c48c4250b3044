import { DeleteObjectCommand, GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { AttachmentStorageConfig } from '../../config/app-config';
import { AttachmentStorage, ByteRange } from './attachment-storage';

type S3Config = Extract<AttachmentStorageConfig, { kind: 's3' }>;

/**
 * Attachments as objects in one bucket. Uploads stream through the SDK's multipart Upload, so memory stays at a few
 * parts whatever the file's size, and an upload that fails is aborted rather than left as parts.
 */
export class S3Storage extends AttachmentStorage {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    super();
    const options: S3ClientConfig = {
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // The service hashes every upload itself (sha256); the SDK's extra checksums would buffer each part again.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3Client(options);
  }

  async write(key: string, body: Readable): Promise<void> {
    await new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: key, Body: body },
      leavePartsOnError: false,
    }).done();
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    if (!(object.Body instanceof Readable)) throw new Error(`No body for object ${key}`);
    return object.Body;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }
}
