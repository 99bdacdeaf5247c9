import * as vscode from 'vscode';
import { createServices } from './services';

/**
 * Composition root: creates the shared services and registers one adapter per feature.
 * Nothing here reads a writeup: work waits for the first request that needs it.
 */
export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  context.subscriptions.push(services);
  // Feature registrations (each adds its own disposables):
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
