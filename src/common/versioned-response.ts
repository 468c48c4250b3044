import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiNotModifiedResponse, ApiPreconditionFailedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { etagOf, expectedVersion, matchesIfNoneMatch, setEtag } from './etag';

const VERSIONED = 'taskforge:versioned';

type LocationOf = (resource: { id: string; projectId?: string }) => string;
type RevisionOf = (resource: never) => string;

interface ResponseHeaderOptions {
  /** Whether the resource is versioned, so its version is its ETag. */
  etag: boolean;
  /** Where a created resource lives, for `Location`. */
  location?: LocationOf;
  /** What the answer shows that changes without a new version, appended to the ETag. */
  revision?: RevisionOf;
}

/**
 * Marks an answer of one versioned resource: it carries `ETag` (its version), and a GET whose If-None-Match names the
 * current version is answered 304 with no body (RFC 9110 §13.1.2). With `location`, a create also names where the
 * new resource lives.
 */
export const Versioned = (location?: LocationOf, revision?: RevisionOf) =>
  applyDecorators(SetMetadata(VERSIONED, { etag: true, location, revision } satisfies ResponseHeaderOptions));

/** A create whose resource has no version: `Location` only. */
export const Located = (location: LocationOf) =>
  SetMetadata(VERSIONED, { etag: false, location } satisfies ResponseHeaderOptions);

/** Documents, on the route whose parameter it decorates, the If-Match header that parameter reads. */
const documentsIfMatch: ParameterDecorator = (target, key) => {
  const handler = Object.getOwnPropertyDescriptor(target, key!)!;
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version`',
    }),
    ApiPreconditionFailedResponse({
      description: 'If-Match (or version) is not the current version; nothing changed',
    }),
  )(target, key, handler);
};

/**
 * The version a conditional write expects, from If-Match or the body's `version` (412 when they disagree). The
 * route that takes it documents If-Match and its 412 by that alone.
 */
export const ExpectedVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const req = context.switchToHttp().getRequest<Request>();
    const ifMatch = req.headers['if-match'];
    const bodyVersion = (req.body as { version?: unknown } | undefined)?.version;
    // A body version of the wrong type is the body validation's to refuse, with the field named.
    return expectedVersion(ifMatch, typeof bodyVersion === 'number' ? bodyVersion : undefined);
  },
  [documentsIfMatch],
);

/** A read that answers 304 to an If-None-Match naming its current ETag. */
export const ConditionalRead = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'An ETag this client holds; 304 if current',
    }),
    ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag; no body' }),
  );

/** Sets the headers that follow from a versioned result, so handlers stay one line. Installed globally. */
@Injectable()
export class VersionedResponseInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<ResponseHeaderOptions | undefined>(VERSIONED, context.getHandler());
    if (!options || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((resource: { id: string; projectId?: string; version: number }) => {
        if (options.location) res.location(options.location(resource));
        if (!options.etag) return resource;
        const etag = etagOf(resource.version, options.revision?.(resource as never));
        setEtag(res, etag);
        if (req.method === 'GET' && matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
          res.status(HttpStatus.NOT_MODIFIED);
          return undefined;
        }
        return resource;
      }),
    );
  }
}
