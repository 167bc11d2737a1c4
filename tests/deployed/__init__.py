"""The product as it is deployed: nginx with TLS in front of `masthead serve`, production settings, on loopback."""
