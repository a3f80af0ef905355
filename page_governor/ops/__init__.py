"""Operating the product: the demo and the deployment doctor."""
