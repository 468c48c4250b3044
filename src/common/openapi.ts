import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { FieldErrorDto, ProblemDto } from './problem.dto';

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'apiKey';

/** Swagger UI at /docs and the OpenAPI 3 document at /docs-json, with both credential schemes. */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Taskforge API')
      .setDescription(
        'Collaborative task management: projects, members, tasks, activity, webhooks, real-time updates.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY_SCHEME)
      .build(),
    { extraModels: [ProblemDto, FieldErrorDto] },
  );
  SwaggerModule.setup('docs', app, describeProblems(document), {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
  });
}

/**
 * Every error answer is a problem (RFC 9457): the document says so on each 4xx and 5xx it lists, so a generated
 * client reads `title`, `detail` and `errors` typed rather than as nothing.
 */
function describeProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = { schema: { $ref: getSchemaPath(ProblemDto) } };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, OperationObject | undefined>)) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        if (response && Number(status) >= 400 && !('$ref' in response) && !response.content) {
          response.content = { [PROBLEM_CONTENT_TYPE]: problem };
        }
      }
    }
  }
  return document;
}
