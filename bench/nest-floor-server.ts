/**
 * The framework floor of the benchmark: baseline-work's least per request, behind NestJS on Express as the service
 * runs it, with nothing of the service's own: no guards, pipes, interceptors, filters, middleware or logging. Its
 * distance from the raw baseline is what the framework costs; the service's distance from it is what the service's
 * own layers cost.
 */
import 'reflect-metadata';
import { Controller, Get, Headers, HttpCode, Module, Post, UnauthorizedException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CapturedStatement, createTask, page, pool, statements, verified } from './baseline-work';

/** Handlers answer objects, as the service's do, so Express serializes them as it does the service's. */
@Controller()
class FloorController {
  @Get('ready')
  ready(): string {
    return '';
  }

  @Get('s0')
  async s0(@Headers('authorization') authorization?: string): Promise<unknown> {
    return this.page(authorization, statements.s0);
  }

  @Get('s1')
  async s1(@Headers('authorization') authorization?: string): Promise<unknown> {
    return this.page(authorization, statements.s1);
  }

  @Post('s5')
  @HttpCode(201)
  async s5(@Headers('authorization') authorization?: string): Promise<unknown> {
    if (!verified(authorization)) throw new UnauthorizedException();
    return createTask();
  }

  private async page(authorization: string | undefined, statement: CapturedStatement): Promise<unknown> {
    if (!verified(authorization)) throw new UnauthorizedException();
    return page(statement);
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

void (async () => {
  const app = await NestFactory.create<NestExpressApplication>(FloorModule, {
    logger: false,
    bodyParser: false,
  });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    void app.close().then(() => pool.end());
  });
})();
