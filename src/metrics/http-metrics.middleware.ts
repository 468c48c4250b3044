import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/** Times every request; the route label is the matched pattern, so ids do not explode the label set. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stopTimer = this.metrics.httpRequestDuration.startTimer({ method: req.method });
    res.once('finish', () => {
      const pattern = (req.route as { path?: string } | undefined)?.path;
      stopTimer({
        route: pattern ? `${req.baseUrl}${pattern}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  }
}
