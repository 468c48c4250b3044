import { ConditionalRead } from '../common/versioned-response';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FeedTokenFailureLimiter } from '../auth/login-limiter';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { RequireScope } from '../auth/require-scope.decorator';
import { CalendarService } from './calendar.service';
import { CalendarFeedDto, CalendarFeedQuery } from './dto/calendar.dto';

@ApiTags('calendar')
@Controller('users/me/calendar-feed')
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Post()
  @RequireScope('profile:write')
  @ApiCreatedResponse({
    type: CalendarFeedDto,
    description: 'A new secret feed URL; any earlier one stops working',
  })
  async create(@CurrentPrincipal() principal: Principal): Promise<CalendarFeedDto> {
    return { url: await this.calendar.rotate(principal) };
  }

  @Delete()
  @RequireScope('profile:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The feed URL stops working at once' })
  @ApiNotFoundResponse({ description: 'There is no feed' })
  revoke(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.calendar.revoke(principal);
  }
}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly failures: FeedTokenFailureLimiter,
  ) {}

  /** The token is the credential: unknown ones count against the address, on this route alone. */
  @Get(':token.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An RFC 5545 calendar of all-day events', schema: { type: 'string' } })
  @ConditionalRead()
  @ApiNotFoundResponse({ description: 'The token opens no feed' })
  @ApiTooManyRequestsResponse({ description: 'Too many unknown tokens from this address' })
  async feed(
    @Param('token') token: string,
    @Query() query: CalendarFeedQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const address = String(req.ip);
    await this.failures.assertAllowed(null, address);
    const feed = await this.calendar.feed(token, query.scope, req.get('if-none-match'));
    if (!feed) {
      await this.failures.recordFailure(null, address);
      throw new NotFoundException('No such calendar feed');
    }
    res.setHeader('ETag', feed.etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (feed.body === null) {
      res.status(HttpStatus.NOT_MODIFIED).end();
      return;
    }
    res.type('text/calendar; charset=utf-8').send(feed.body);
  }
}
