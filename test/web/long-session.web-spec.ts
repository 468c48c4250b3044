import { newTask, startBoard, twoPeopleOnOneBoard, type Board } from './browser';

/**
 * A board left open outlives its access token: the next request rotates the refresh token and goes on, and the
 * socket the server closed at the token's expiry comes back live. Access tokens last 10 s here instead of 15 min.
 */
describe('a board open past its access token', () => {
  let board: Board;
  beforeAll(async () => {
    board = await startBoard({ JWT_ACCESS_TTL: '10' });
  });
  afterAll(async () => {
    await board?.close();
  });
  afterEach(() => {
    expect(board.pageErrors).toEqual([]);
  });

  it('keeps working and comes back live after the token expired, without a reload', async () => {
    const { ada, bob, projectId } = await twoPeopleOnOneBoard(board, 'Long day');
    // Each connection is a new WebSocket: a second one proves the server closed the first and the board came back.
    let bobSockets = 0;
    bob.page.on('websocket', () => (bobSockets += 1));
    await bob.page.goto(`/projects/${projectId}`);
    await bob.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    // Past both pages' access tokens: the server closes their sockets, and their next requests answer 401.
    await ada.page.waitForTimeout(11_000);
    await newTask(ada.page, 'Pending', 'After the token expired');
    await bob.page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    await bob.page
      .getByRole('region', { name: 'Pending' })
      .getByRole('article', { name: 'After the token expired' })
      .waitFor({ timeout: 10_000 });
    expect(ada.page.url()).toContain(projectId);
    expect(bobSockets).toBeGreaterThanOrEqual(2);
  });
});
