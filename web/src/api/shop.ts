// The shop's checkout (src/orders/openapi.json, POST /api/v1/shop/orders): a visitor orders and
// creates their account in one step. The answer signs them in (a session cookie), so its CSRF
// token is kept for the requests that follow.
import { operations as ops } from './endpoints';
import { call, setCsrfToken } from './http';
import type { ShopCheckoutAnswer, ShopCheckoutInput } from './types';

/**
 * Places the order and creates the account; field errors name account fields "account.email" and
 * order fields as POST /api/v1/orders does. No Idempotency-Key: the server exempts this route
 * (a retry meets the account the first try made and answers "already has an account").
 */
export async function checkout(input: ShopCheckoutInput): Promise<ShopCheckoutAnswer> {
  const { data } = await call<ShopCheckoutAnswer>(ops.shopCheckout, { body: input, quiet: true });
  setCsrfToken(data.csrf_token);
  return data;
}
